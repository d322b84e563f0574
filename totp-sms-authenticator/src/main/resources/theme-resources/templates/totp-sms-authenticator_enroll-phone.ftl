<#-- CONFIGURE_SMS_OTP: type a number, then the code texted to it. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('phone','code'); section>
<#if section = "header">
    ${msg("b2bpackSmsEnrollTitle")}
<#elseif section = "form">
  <#if smsEnroll.step == "code">
    <p id="b2bpack-sms-sent-to">${msg("b2bpackSmsSentTo", smsEnroll.maskedPhone)}</p>
    <form id="b2bpack-sms-enroll-code-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
        <div class="${properties.kcFormGroupClass!}">
            <label for="code" class="${properties.kcLabelClass!}">${msg("b2bpackSmsCodeLabel")}</label>
            <input id="code" name="code" type="text" class="${properties.kcInputClass!}" inputmode="numeric" pattern="[0-9 ]*"
                   autocomplete="one-time-code" maxlength="10" autofocus required
                   aria-invalid="<#if messagesPerField.existsError('code')>true<#else>false</#if>"
                   <#if messagesPerField.existsError('code')>aria-describedby="input-error-code"</#if>/>
            <#if messagesPerField.existsError('code')>
                <span id="input-error-code" class="${properties.kcInputErrorMessageClass!}" aria-live="polite">${kcSanitize(messagesPerField.get('code'))?no_esc}</span>
            </#if>
        </div>
        <div class="${properties.kcFormGroupClass!}">
            <button id="b2bpack-sms-verify" type="submit" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("b2bpackSmsVerify")}</button>
        </div>
    </form>
    <form id="b2bpack-sms-resend-form" action="${url.loginAction}" method="post">
        <button id="b2bpack-sms-resend" type="submit" name="resend" value="true" class="${properties.kcButtonClass!} pf-m-link">${msg("b2bpackSmsResend")}</button>
        <button id="b2bpack-sms-change-number" type="submit" name="changeNumber" value="true" class="${properties.kcButtonClass!} pf-m-link">${msg("b2bpackSmsChangeNumber")}</button>
    </form>
  <#else>
    <p id="b2bpack-sms-enroll-help">${msg("b2bpackSmsEnrollHelp")}</p>
    <form id="b2bpack-sms-enroll-phone-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
        <div class="${properties.kcFormGroupClass!}">
            <label for="phone" class="${properties.kcLabelClass!}">${msg("b2bpackSmsPhoneLabel")}</label>
            <input id="phone" name="phone" type="tel" class="${properties.kcInputClass!}" autocomplete="tel" maxlength="64" autofocus required
                   aria-invalid="<#if messagesPerField.existsError('phone')>true<#else>false</#if>"
                   <#if messagesPerField.existsError('phone')>aria-describedby="input-error-phone"</#if>/>
            <#if messagesPerField.existsError('phone')>
                <span id="input-error-phone" class="${properties.kcInputErrorMessageClass!}" aria-live="polite">${kcSanitize(messagesPerField.get('phone'))?no_esc}</span>
            </#if>
        </div>
        <div class="${properties.kcFormGroupClass!}">
            <button id="b2bpack-sms-send" type="submit" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("b2bpackSmsSendCode")}</button>
        </div>
    </form>
    <#if (b2bpackOtpSwitch!"") == "app">
    <form id="b2bpack-otp-switch-form" action="${url.loginAction}" method="post">
        <button id="b2bpack-otp-switch" type="submit" name="switchMethod" value="app" class="${properties.kcButtonClass!} pf-m-link">${msg("b2bpackOtpUseApp")}</button>
    </form>
    </#if>
  </#if>
</#if>
</@layout.registrationLayout>
