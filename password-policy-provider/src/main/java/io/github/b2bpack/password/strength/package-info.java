/**
 * The {@code zxcvbn} password policy, the {@code password-strength} realm endpoint and the live
 * strength meter of the {@code b2bpack} login theme.
 *
 * <ul>
 *   <li>{@code scoring}: pure logic. zxcvbn4j behind a bounded-cost front ({@link
 *       io.github.b2bpack.password.strength.scoring.BoundedStrengthEstimator}), the user data that
 *       lowers a score, localized feedback.</li>
 *   <li>{@code policy}: the Keycloak {@code PasswordPolicyProvider} with id {@code zxcvbn}.</li>
 *   <li>{@code rest}: {@code POST /realms/{realm}/password-strength}, its JSON and its per-IP rate
 *       limit.</li>
 * </ul>
 */
package io.github.b2bpack.password.strength;
