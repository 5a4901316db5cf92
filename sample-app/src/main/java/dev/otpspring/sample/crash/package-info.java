/**
 * One endpoint that crashes any named process of the tree, so the live page can offer a crash
 * button per process and a person can watch its supervisor heal it.
 */
@NullMarked
package dev.otpspring.sample.crash;

import org.jspecify.annotations.NullMarked;
