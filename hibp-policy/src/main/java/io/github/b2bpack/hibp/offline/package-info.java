/**
 * The offline index: its file format, the {@code BuildIndex} command that writes it and the memory-mapped reader.
 * Pure: JDK only, so the builder runs without Keycloak.
 */
package io.github.b2bpack.hibp.offline;
