<#-- CONFIGURE_APP_OTP: scan the QR code (or open the otpauth link, or type the key), then give the first code. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('otp'); section>
<#if section = "header">
    ${msg("b2bpackAppOtpEnrollTitle")}
<#elseif section = "form">
    <p id="b2bpack-app-enroll-help">${msg("b2bpackAppOtpEnrollHelp")}</p>
    <img id="b2bpack-app-qr" src="data:image/png;base64,${appEnroll.qrPng}" alt="${msg("b2bpackAppOtpQrAlt")}" width="246" height="246"/>
    <p><a id="b2bpack-app-uri" href="${appEnroll.uri}">${msg("b2bpackAppOtpOpenInApp")}</a></p>
    <p>${msg("b2bpackAppOtpManualKey")} <code id="b2bpack-app-key">${appEnroll.manualKey}</code>
       (${msg("b2bpackAppOtpPolicy", appEnroll.digits, appEnroll.period)})</p>
    <form id="b2bpack-app-enroll-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
        <div class="${properties.kcFormGroupClass!}">
            <label for="otp" class="${properties.kcLabelClass!}">${msg("b2bpackAppOtpCodeLabel")}</label>
            <input id="otp" name="otp" type="text" class="${properties.kcInputClass!}" inputmode="numeric" pattern="[0-9 ]*"
                   autocomplete="one-time-code" maxlength="${appEnroll.digits + 2}" autofocus required
                   aria-invalid="<#if messagesPerField.existsError('otp')>true<#else>false</#if>"
                   <#if messagesPerField.existsError('otp')>aria-describedby="input-error-otp"</#if>/>
            <#if messagesPerField.existsError('otp')>
                <span id="input-error-otp" class="${properties.kcInputErrorMessageClass!}" aria-live="polite">${kcSanitize(messagesPerField.get('otp'))?no_esc}</span>
            </#if>
        </div>
        <div class="${properties.kcFormGroupClass!}">
            <button id="b2bpack-app-verify" type="submit" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("b2bpackSmsVerify")}</button>
        </div>
    </form>
    <#if (b2bpackOtpSwitch!"") == "sms">
    <form id="b2bpack-otp-switch-form" action="${url.loginAction}" method="post">
        <button id="b2bpack-otp-switch" type="submit" name="switchMethod" value="sms" class="${properties.kcButtonClass!} pf-m-link">${msg("b2bpackOtpUseSms")}</button>
    </form>
    </#if>
</#if>
</@layout.registrationLayout>
