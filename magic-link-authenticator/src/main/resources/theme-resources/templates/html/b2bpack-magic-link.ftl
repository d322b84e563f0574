<html>
<body>
<p>${msg("b2bpackMagicLinkMailIntro", organizationName)}</p>
<p><a href="${link}">${msg("b2bpackMagicLinkMailOpen")}</a></p>
<p>${msg("b2bpackMagicLinkMailExpiry", linkExpirationMinutes?c)}</p>
<p>${msg("b2bpackMagicLinkMailIgnore")}</p>
</body>
</html>
