<#ftl output_format="plainText">
${msg("b2bpackAdminInvitationGreeting", organizationName)}

${msg("b2bpackAdminInvitationOpen")}: ${link}

${msg("b2bpackAdminInvitationExpiry", linkExpirationMinutes?c)}

${msg("b2bpackAdminInvitationIgnore")}
