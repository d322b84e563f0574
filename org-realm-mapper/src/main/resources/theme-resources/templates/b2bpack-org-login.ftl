<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=true; section>
    <#if section = "header">
        ${msg("b2bpackOrgLoginTitle")}
    <#elseif section = "form">
        <form id="b2bpack-org-login-form" action="${b2bpackAction}" method="get">
            <p id="b2bpack-org-login-instruction">${msg("b2bpackOrgLoginInstruction")}</p>
            <div class="${properties.kcFormGroupClass!}">
                <label for="login_hint" class="${properties.kcLabelClass!}">${msg("b2bpackOrgLoginEmail")}</label>
                <input id="login_hint" name="login_hint" type="email" autocomplete="email" autofocus
                       class="${properties.kcInputClass!}" value="${b2bpackLoginHint}"/>
            </div>
            <#list b2bpackHidden as param>
                <input type="hidden" name="${param.name}" value="${param.value}"/>
            </#list>
            <div id="kc-form-buttons" class="${properties.kcFormButtonsClass!}">
                <input id="b2bpack-org-login-submit" type="submit"
                       class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}"
                       value="${msg("b2bpackOrgLoginContinue")}"/>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
