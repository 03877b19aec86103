package org.patchbay.core.conference;

/**
 * What the REST API changes about a participant; a null field is left as it is.
 *
 * @param holdUrl    the document (Say, Play, Pause) a held participant hears, or null for hold music
 * @param holdMethod GET or POST for holdUrl
 */
public record ParticipantChange(Boolean muted, Boolean hold, String holdUrl, String holdMethod,
                                Boolean beepOnExit, Boolean endConferenceOnExit) {
}
