<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("b2bpackAdminInvitationTitle")}
    <#elseif section = "form">
        <div id="b2bpack-admin-invitation">
            <p id="b2bpack-admin-invitation-text">${msg("b2bpackAdminInvitationPage", b2bpackOrganizationName, b2bpackInvitedEmail!"")}</p>
            <div id="kc-form-buttons" class="${properties.kcFormButtonsClass!}">
                <a id="b2bpack-admin-invitation-accept" href="${b2bpackAcceptUrl}"
                   class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}">${msg("b2bpackAdminInvitationAccept")}</a>
                <a id="b2bpack-admin-invitation-decline" href="${b2bpackDeclineUrl}"
                   class="${properties.kcButtonClass!} ${properties.kcButtonDefaultClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}">${msg("b2bpackAdminInvitationDecline")}</a>
            </div>
        </div>
    </#if>
</@layout.registrationLayout>
