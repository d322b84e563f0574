<#-- sms-otp-form: enter the texted code, or a recovery code. Theme-independent markup (no field.ftl). -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('code','recoveryCode'); section>
<#if section = "header">
    ${msg("b2bpackSmsLoginTitle")}
<#elseif section = "form">
  <#if smsOtp.mode == "recovery">
    <p id="b2bpack-sms-recovery-help">${msg("b2bpackSmsRecoveryHelp")}</p>
    <form id="b2bpack-sms-recovery-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
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
            <button id="b2bpack-sms-recovery-submit" type="submit" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("doLogIn")}</button>
        </div>
    </form>
    <form id="b2bpack-sms-use-sms-form" action="${url.loginAction}" method="post">
        <button id="b2bpack-sms-use-sms" type="submit" name="useSms" value="true" class="${properties.kcButtonClass!} pf-m-link">${msg("b2bpackSmsUseSms")}</button>
    </form>
  <#else>
    <p id="b2bpack-sms-sent-to">${msg("b2bpackSmsSentTo", smsOtp.maskedPhone)}</p>
    <form id="b2bpack-sms-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
        <div class="${properties.kcFormGroupClass!}">
            <label for="code" class="${properties.kcLabelClass!}">${msg("b2bpackSmsCodeLabel")}</label>
            <input id="code" name="code" type="text" class="${properties.kcInputClass!}" inputmode="numeric" pattern="[0-9 ]*"
                   autocomplete="one-time-code" maxlength="${smsOtp.codeLength + 2}" autofocus required
                   aria-invalid="<#if messagesPerField.existsError('code')>true<#else>false</#if>"
                   <#if messagesPerField.existsError('code')>aria-describedby="input-error-code"</#if>/>
            <#if messagesPerField.existsError('code')>
                <span id="input-error-code" class="${properties.kcInputErrorMessageClass!}" aria-live="polite">${kcSanitize(messagesPerField.get('code'))?no_esc}</span>
            </#if>
        </div>
        <div class="${properties.kcFormGroupClass!}">
            <button id="kc-login" type="submit" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("doLogIn")}</button>
        </div>
    </form>
    <form id="b2bpack-sms-resend-form" action="${url.loginAction}" method="post">
        <button id="b2bpack-sms-resend" type="submit" name="resend" value="true" class="${properties.kcButtonClass!} pf-m-link">${msg("b2bpackSmsResend")}</button>
    </form>
    <#if smsOtp.recoveryAvailable>
    <form id="b2bpack-sms-use-recovery-form" action="${url.loginAction}" method="post">
        <button id="b2bpack-sms-use-recovery" type="submit" name="useRecovery" value="true" class="${properties.kcButtonClass!} pf-m-link">${msg("b2bpackSmsUseRecovery")}</button>
    </form>
    </#if>
    <script>
        <#-- WebOTP: browsers that read the "@host #code" line of the SMS fill the code in. -->
        if ('OTPCredential' in window) {
            navigator.credentials.get({otp: {transport: ['sms']}}).then(function (otp) {
                if (otp && otp.code) {
                    document.getElementById('code').value = otp.code;
                    document.getElementById('b2bpack-sms-form').submit();
                }
            }).catch(function () {});
        }
    </script>
  </#if>
</#if>
</@layout.registrationLayout>
