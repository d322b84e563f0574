package io.github.b2bpack.sms.challenge;

/** What a texted code is for. Login codes and enrollment codes never stand in for each other. */
public enum Purpose {
    LOGIN,
    ENROLL
}
