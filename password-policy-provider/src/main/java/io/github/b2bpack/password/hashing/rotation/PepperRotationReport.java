package io.github.b2bpack.password.hashing.rotation;

import java.util.List;
import java.util.Map;

/**
 * How far a realm's password credentials have moved to the current pepper. Credentials move one by
 * one as their users log in.
 *
 * @param realm               the realm counted
 * @param currentPepperId     the key id new hashes use, or {@code null} for none
 * @param configuredPepperIds every key id the server can verify
 * @param passwordCredentials stored password credentials in the realm
 * @param byAlgorithm         credentials per stored hash algorithm
 * @param byPepperId          {@code argon2-native} credentials per pepper key id
 * @param withoutPepper       {@code argon2-native} credentials hashed without a pepper
 * @param onCurrentPepper     {@code argon2-native} credentials on the current pepper (or without one when none is current)
 */
public record PepperRotationReport(
        String realm,
        String currentPepperId,
        List<String> configuredPepperIds,
        long passwordCredentials,
        Map<String, Long> byAlgorithm,
        Map<String, Long> byPepperId,
        long withoutPepper,
        long onCurrentPepper) {}
