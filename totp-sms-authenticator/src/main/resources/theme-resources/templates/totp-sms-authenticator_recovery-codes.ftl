<#-- Shown once after a successful enrollment: the 5 recovery codes, with copy and download. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout; section>
<#if section = "header">
    ${msg("b2bpackSmsRecoveryCodesTitle")}
<#elseif section = "form">
    <#if smsRecovery.maskedPhone??>
    <p id="b2bpack-sms-enrolled">${msg("b2bpackSmsEnrolled", smsRecovery.maskedPhone)}</p>
    <#else>
    <p id="b2bpack-app-enrolled">${msg("b2bpackAppOtpEnrolled")}</p>
    </#if>
    <p>${msg("b2bpackSmsRecoveryCodesWarning")}</p>
    <ol id="b2bpack-sms-recovery-codes" aria-label="${msg("b2bpackSmsRecoveryCodesTitle")}">
        <#list smsRecovery.codes as code>
            <li><code>${code}</code></li>
        </#list>
    </ol>
    <div>
        <button id="b2bpack-sms-copy-codes" type="button" class="${properties.kcButtonClass!} pf-m-link" onclick="b2bpackCopyCodes()">${msg("b2bpackSmsCopyCodes")}</button>
        <button id="b2bpack-sms-download-codes" type="button" class="${properties.kcButtonClass!} pf-m-link" onclick="b2bpackDownloadCodes()">${msg("b2bpackSmsDownloadCodes")}</button>
    </div>
    <form id="b2bpack-sms-ack-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
        <div class="${properties.kcFormGroupClass!}">
            <button id="b2bpack-sms-ack" type="submit" name="acknowledge" value="true" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("b2bpackSmsRecoveryCodesSaved")}</button>
        </div>
    </form>
    <script>
        function b2bpackCodesText() {
            return Array.from(document.querySelectorAll('#b2bpack-sms-recovery-codes code')).map(function (c) { return c.textContent; }).join('\n');
        }
        function b2bpackCopyCodes() {
            if (navigator.clipboard) { navigator.clipboard.writeText(b2bpackCodesText()); }
        }
        function b2bpackDownloadCodes() {
            var blob = new Blob([b2bpackCodesText() + '\n'], {type: 'text/plain'});
            var a = document.createElement('a');
            a.href = URL.createObjectURL(blob);
            a.download = 'recovery-codes.txt';
            document.body.appendChild(a);
            a.click();
            a.remove();
        }
    </script>
</#if>
</@layout.registrationLayout>
