package dev.otpspring.spring.autoconfigure;

import dev.otpspring.supervisor.ChildSpec;

/**
 * A process of the tree, found among the beans: what to start, where, and in which order.
 *
 * @param name its registered name (unique in the tree)
 * @param supervisor the supervisor it runs under
 * @param order its declared start position
 * @param index its declaration index, to break ties
 * @param subject the bean that declared it, for error messages
 * @param spec how to start it
 */
record ProcessNode(String name, String supervisor, int order, int index, String subject, ChildSpec spec) {
}
