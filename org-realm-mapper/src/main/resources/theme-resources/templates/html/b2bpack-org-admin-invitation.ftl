<html>
<body>
<p>${msg("b2bpackAdminInvitationGreeting", organizationName)}</p>
<p><a href="${link}">${msg("b2bpackAdminInvitationOpen")}</a></p>
<p>${msg("b2bpackAdminInvitationExpiry", linkExpirationMinutes?c)}</p>
<p>${msg("b2bpackAdminInvitationIgnore")}</p>
</body>
</html>
