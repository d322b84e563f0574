<#ftl output_format="plainText">
${msg("b2bpackMagicLinkMailIntro", organizationName)}

${link}

${msg("b2bpackMagicLinkMailExpiry", linkExpirationMinutes?c)}
${msg("b2bpackMagicLinkMailIgnore")}
