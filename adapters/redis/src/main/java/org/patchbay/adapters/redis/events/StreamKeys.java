package org.patchbay.adapters.redis.events;

/**
 * The keys of the event log under one prefix: one stream per partition, a sequence counter per subject and
 * a lease per consumer group and partition. A subject always falls in the same partition (String.hashCode is
 * the same on every JVM), so one stream holds all of a call's events in their order.
 */
record StreamKeys(String prefix, int partitions) {

    String stream(int partition) {
        return prefix + "events:" + partition;
    }

    String sequence(String subject) {
        return prefix + "events:seq:" + (subject == null ? "" : subject);
    }

    String lease(String group, int partition) {
        return prefix + "events:lease:" + group + ":" + partition;
    }

    int partitionOf(String subject) {
        return subject == null ? 0 : Math.floorMod(subject.hashCode(), partitions);
    }
}
