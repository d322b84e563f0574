<#-- b2bpack-magic-link: ask for the address the sign-in link goes to. Theme-independent markup (no field.ftl). -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('email'); section>
<#if section = "header">
    ${msg("b2bpackMagicLinkTitle")}
<#elseif section = "form">
    <p id="b2bpack-magic-link-help">${msg("b2bpackMagicLinkHelp")}</p>
    <form id="b2bpack-magic-link-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
        <div class="${properties.kcFormGroupClass!}">
            <label for="email" class="${properties.kcLabelClass!}">${msg("b2bpackMagicLinkAddressLabel")}</label>
            <input id="email" name="email" type="email" class="${properties.kcInputClass!}" autocomplete="email"
                   maxlength="254" value="${(magicLink.address)!''}" autofocus required
                   aria-invalid="<#if messagesPerField.existsError('email')>true<#else>false</#if>"
                   <#if messagesPerField.existsError('email')>aria-describedby="input-error-email"</#if>/>
            <#if messagesPerField.existsError('email')>
                <span id="input-error-email" class="${properties.kcInputErrorMessageClass!}" aria-live="polite">${kcSanitize(messagesPerField.get('email'))?no_esc}</span>
            </#if>
        </div>
        <div class="${properties.kcFormGroupClass!}">
            <button id="b2bpack-magic-link-send" type="submit" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("b2bpackMagicLinkSend")}</button>
        </div>
    </form>
</#if>
</@layout.registrationLayout>
