/**
 * Pure strength scoring, no Keycloak types: {@link io.github.b2bpack.password.strength.scoring.BoundedStrengthEstimator}
 * (zxcvbn4j with a bounded cost), {@link io.github.b2bpack.password.strength.scoring.UserInputs}
 * (the user's own data that lowers a score) and {@link io.github.b2bpack.password.strength.scoring.FeedbackMessages}
 * (zxcvbn4j's feedback in the user's language).
 */
package io.github.b2bpack.password.strength.scoring;
