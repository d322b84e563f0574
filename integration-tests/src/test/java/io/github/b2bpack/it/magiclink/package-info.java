/** Magic-link ITs (magic-link-authenticator): organization realms whose browser flow starts with the magic link. */
package io.github.b2bpack.it.magiclink;
