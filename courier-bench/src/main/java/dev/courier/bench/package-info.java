/** JMH benchmarks and side-by-side runs of Courier against its peers. */
package dev.courier.bench;
