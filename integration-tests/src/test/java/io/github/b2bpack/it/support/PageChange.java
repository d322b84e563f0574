package io.github.b2bpack.it.support;

import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;

/**
 * Waiting for the browser to leave a page. Selenium's {@code stalenessOf} expects the stale-element error, but
 * Chromium sometimes answers a command on an element of a page it has just left with an unknown error ("Node with
 * given id does not belong to the document"), which failed MagicLinkIT once; both mean the page is gone.
 */
public final class PageChange {

    private PageChange() {}

    /** True once {@code element} no longer belongs to the current document. */
    public static ExpectedCondition<Boolean> left(WebElement element) {
        return driver -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException | NoSuchElementException e) {
                return true;
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        };
    }
}
