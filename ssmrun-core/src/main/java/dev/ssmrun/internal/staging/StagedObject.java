package dev.ssmrun.internal.staging;

/** A staged object as an instance sees it: its presigned GET URL and its SHA-256 (hex). */
record StagedObject(String url, String sha256) {}
