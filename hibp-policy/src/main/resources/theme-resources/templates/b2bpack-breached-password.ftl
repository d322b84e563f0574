<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("b2bpackPasswordBreachedAtLoginTitle")}
    <#elseif section = "form">
        <form id="b2bpack-breached-password-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <p id="b2bpack-breached-password-message">${msg("b2bpackPasswordBreachedAtLogin")}</p>
            <div id="kc-form-buttons" class="${properties.kcFormButtonsClass!}">
                <input class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}"
                       id="b2bpack-breached-password-continue" type="submit" value="${msg("b2bpackContinue")}"/>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
