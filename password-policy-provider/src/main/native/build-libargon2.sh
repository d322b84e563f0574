#!/bin/bash
# Rebuilds the optimized libargon2 builds shipped in the argon2-native jar
# (src/main/resources/io/github/b2bpack/password/hashing/nativelib/linux-x86-64/).
#
# Why: the libargon2 of argon2-jvm and Debian's libargon2.so.1 are builds of the portable reference
# code (ref.c); libargon2's SIMD code (opt.c) built for AVX2 hashes about 1.6x faster on the same CPU.
# libargon2 is CC0-1.0 / Apache-2.0 (not LGPL), so these builds ship inside our jar.
#
# Source: the libargon2 20171227 release as bundled in the npm package argon2@0.45.1
# (sha256 of argon2-0.45.1.tgz: 4acffbd5e5a87fe8fad926afc9a9ac450d69b7082686dd2836be0d8309dbd8aa).
# Built with Debian 12's gcc 12.2.0. Two builds, chosen at startup from /proc/cpuinfo:
#   libargon2-avx2.so  -march=x86-64-v3 (AVX2; Haswell/Zen and later)
#   libargon2-sse.so   -march=x86-64-v2 (SSSE3/SSE4.2; nearly every x86-64 server CPU since 2009)
set -euo pipefail
out="$(cd "$(dirname "$0")/.." && pwd)/resources/io/github/b2bpack/password/hashing/nativelib/linux-x86-64"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack argon2@0.45.1 >/dev/null
echo "4acffbd5e5a87fe8fad926afc9a9ac450d69b7082686dd2836be0d8309dbd8aa  argon2-0.45.1.tgz" | sha256sum -c -
tar xzf argon2-0.45.1.tgz
cd package/argon2
sources="src/argon2.c src/core.c src/blake2/blake2b.c src/thread.c src/encoding.c src/opt.c"
gcc -O3 -march=x86-64-v3 -fPIC -shared -pthread -Wl,-soname,libargon2-avx2.so -Iinclude -Isrc $sources -o "$out/libargon2-avx2.so"
gcc -O3 -march=x86-64-v2 -fPIC -shared -pthread -Wl,-soname,libargon2-sse.so -Iinclude -Isrc $sources -o "$out/libargon2-sse.so"
cp LICENSE "$out/LICENSE-libargon2.txt"
chmod 644 "$out"/*.so   # resources; the loader gives the extracted copy its own permissions
ls -l "$out"
