/**
 * Hooks between Courier's own packages that are not part of the API; this package is not
 * exported by the module. Only code that has already validated its input may use them.
 */
package dev.courier.internal;
