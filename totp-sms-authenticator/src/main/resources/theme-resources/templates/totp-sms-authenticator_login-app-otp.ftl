<#-- app-otp-form: a code of the authenticator app, or a recovery code. Theme-independent markup (no field.ftl). -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('otp','recoveryCode'); section>
<#if section = "header">
    ${msg("b2bpackAppOtpLoginTitle")}
<#elseif section = "form">
  <#if appOtp.mode == "recovery">
    <p id="b2bpack-app-recovery-help">${msg("b2bpackAppOtpRecoveryHelp")}</p>
    <form id="b2bpack-app-recovery-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
        <div class="${properties.kcFormGroupClass!}">
            <label for="recoveryCode" class="${properties.kcLabelClass!}">${msg("b2bpackSmsRecoveryCodeLabel")}</label>
            <input id="recoveryCode" name="recoveryCode" type="text" class="${properties.kcInputClass!}" autocomplete="off"
                   autocapitalize="characters" spellcheck="false" maxlength="64" autofocus required
                   aria-invalid="<#if messagesPerField.existsError('recoveryCode')>true<#else>false</#if>"
                   <#if messagesPerField.existsError('recoveryCode')>aria-describedby="input-error-recoveryCode"</#if>/>
            <#if messagesPerField.existsError('recoveryCode')>
                <span id="input-error-recoveryCode" class="${properties.kcInputErrorMessageClass!}" aria-live="polite">${kcSanitize(messagesPerField.get('recoveryCode'))?no_esc}</span>
            </#if>
        </div>
        <div class="${properties.kcFormGroupClass!}">
            <button id="b2bpack-app-recovery-submit" type="submit" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("doLogIn")}</button>
        </div>
    </form>
    <form id="b2bpack-app-use-app-form" action="${url.loginAction}" method="post">
        <button id="b2bpack-app-use-app" type="submit" name="useApp" value="true" class="${properties.kcButtonClass!} pf-m-link">${msg("b2bpackAppOtpUseApp")}</button>
    </form>
  <#else>
    <p id="b2bpack-app-help">${msg("b2bpackAppOtpLoginHelp")}</p>
    <form id="b2bpack-app-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
        <div class="${properties.kcFormGroupClass!}">
            <label for="otp" class="${properties.kcLabelClass!}">${msg("b2bpackAppOtpCodeLabel")}</label>
            <input id="otp" name="otp" type="text" class="${properties.kcInputClass!}" inputmode="numeric" pattern="[0-9 ]*"
                   autocomplete="one-time-code" maxlength="${appOtp.digits + 2}" autofocus required
                   aria-invalid="<#if messagesPerField.existsError('otp')>true<#else>false</#if>"
                   <#if messagesPerField.existsError('otp')>aria-describedby="input-error-otp"</#if>/>
            <#if messagesPerField.existsError('otp')>
                <span id="input-error-otp" class="${properties.kcInputErrorMessageClass!}" aria-live="polite">${kcSanitize(messagesPerField.get('otp'))?no_esc}</span>
            </#if>
        </div>
        <div class="${properties.kcFormGroupClass!}">
            <button id="kc-login" type="submit" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("doLogIn")}</button>
        </div>
    </form>
    <#if appOtp.recoveryAvailable>
    <form id="b2bpack-app-use-recovery-form" action="${url.loginAction}" method="post">
        <button id="b2bpack-app-use-recovery" type="submit" name="useRecovery" value="true" class="${properties.kcButtonClass!} pf-m-link">${msg("b2bpackSmsUseRecovery")}</button>
    </form>
    </#if>
  </#if>
</#if>
</@layout.registrationLayout>
