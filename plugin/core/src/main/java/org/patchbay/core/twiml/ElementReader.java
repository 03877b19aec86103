package org.patchbay.core.twiml;

/** Turns the element under the cursor, start tag to end tag, into its model object. */
@FunctionalInterface
interface ElementReader<T> {
    T read(XmlCursor cursor, Attributes attributes) throws TwimlException;
}
