<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=true; section>
    <#if section = "header">
        <#if b2bpackState == "form">${msg("b2bpackSsoOnboardingTitle", b2bpackOrganization)}<#else>${msg("b2bpackSsoOnboardingFormTitle")}</#if>
    <#elseif section = "form">
        <#if b2bpackState == "form">
            <p id="b2bpack-sso-onboarding-intro">${msg("b2bpackSsoOnboardingIntro")}</p>
            <h2>${msg("b2bpackSsoOnboardingSpTitle")}</h2>
            <dl id="b2bpack-sso-sp-values">
                <dt>${msg("b2bpackSsoOnboardingEntityId")}</dt>
                <dd><code id="b2bpack-sso-entity-id">${b2bpackSp.entityId}</code></dd>
                <dt>${msg("b2bpackSsoOnboardingAcsUrl")}</dt>
                <dd><code id="b2bpack-sso-acs-url">${b2bpackSp.acsUrl}</code></dd>
                <dt>${msg("b2bpackSsoOnboardingMetadataUrl")}</dt>
                <dd><code id="b2bpack-sso-metadata-url">${b2bpackSp.metadataUrl}</code></dd>
                <dt>${msg("b2bpackSsoOnboardingRedirectUri")}</dt>
                <dd><code id="b2bpack-sso-redirect-uri">${b2bpackSp.redirectUri}</code></dd>
                <dt>${msg("b2bpackSsoOnboardingCertificate")}</dt>
                <dd><pre id="b2bpack-sso-certificate">${b2bpackSp.certificate}</pre></dd>
            </dl>
            <h2>${msg("b2bpackSsoOnboardingGuidesTitle")}</h2>
            <#list b2bpackGuides as guide>
                <details id="b2bpack-sso-guide-${guide}">
                    <summary>${msg("b2bpackSsoOnboardingGuide_" + guide)}</summary>
                    <p>${msg("b2bpackSsoOnboardingSteps_" + guide)}</p>
                </details>
            </#list>
            <h2>${msg("b2bpackSsoOnboardingFormTitle")}</h2>
            <form id="b2bpack-sso-onboarding-form" action="${b2bpackAction}" method="post">
                <div class="${properties.kcFormGroupClass!}">
                    <label for="metadata_xml" class="${properties.kcLabelClass!}">${msg("b2bpackSsoOnboardingMetadataXml")}</label>
                    <textarea id="metadata_xml" name="metadata_xml" rows="8" class="${properties.kcInputClass!}"></textarea>
                </div>
                <div class="${properties.kcFormGroupClass!}">
                    <label for="metadata_url" class="${properties.kcLabelClass!}">${msg("b2bpackSsoOnboardingMetadataUrlField")}</label>
                    <input id="metadata_url" name="metadata_url" type="url" class="${properties.kcInputClass!}"/>
                </div>
                <fieldset>
                    <legend>${msg("b2bpackSsoOnboardingOidcTitle")}</legend>
                    <label for="oidc_issuer" class="${properties.kcLabelClass!}">${msg("b2bpackSsoOnboardingOidcIssuer")}</label>
                    <input id="oidc_issuer" name="oidc_issuer" type="url" class="${properties.kcInputClass!}"/>
                    <label for="oidc_client_id" class="${properties.kcLabelClass!}">${msg("b2bpackSsoOnboardingOidcClientId")}</label>
                    <input id="oidc_client_id" name="oidc_client_id" type="text" class="${properties.kcInputClass!}"/>
                    <label for="oidc_client_secret" class="${properties.kcLabelClass!}">${msg("b2bpackSsoOnboardingOidcClientSecret")}</label>
                    <input id="oidc_client_secret" name="oidc_client_secret" type="password" autocomplete="off" class="${properties.kcInputClass!}"/>
                </fieldset>
                <div id="kc-form-buttons" class="${properties.kcFormButtonsClass!}">
                    <input id="b2bpack-sso-onboarding-submit" type="submit"
                           class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}"
                           value="${msg("b2bpackSsoOnboardingSubmit")}"/>
                </div>
            </form>
        <#else>
            <p id="b2bpack-sso-onboarding-${b2bpackState}"></p>
        </#if>
    </#if>
</@layout.registrationLayout>
