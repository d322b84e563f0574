<#-- b2bpack-magic-link: the same page for every address typed, known or not. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout; section>
<#if section = "header">
    ${msg("b2bpackMagicLinkSentTitle")}
<#elseif section = "form">
    <p id="b2bpack-magic-link-sent">${msg("b2bpackMagicLinkSent", (magicLink.address)!'', magicLink.minutes?c)}</p>
    <form id="b2bpack-magic-link-resend-form" action="${url.loginAction}" method="post">
        <input type="hidden" name="email" value="${(magicLink.address)!''}"/>
        <button id="b2bpack-magic-link-resend" type="submit" class="${properties.kcButtonClass!} pf-m-link">${msg("b2bpackMagicLinkResend")}</button>
    </form>
    <form id="b2bpack-magic-link-restart-form" action="${url.loginAction}" method="post">
        <button id="b2bpack-magic-link-restart" type="submit" name="restart" value="true" class="${properties.kcButtonClass!} pf-m-link">${msg("b2bpackMagicLinkOtherAddress")}</button>
    </form>
</#if>
</@layout.registrationLayout>
