package org.patchbay.asterisk.sim.engine;

/** Reading channel variables and the dialplan functions apps commonly ask for. */
final class ChannelVariables {
    private ChannelVariables() {
    }

    /** The value, or {@code null} when Asterisk would report the variable as not found. */
    static String read(Channel channel, String variable) {
        String builtIn = switch (variable) {
            case "CHANNEL(name)" -> channel.name;
            case "CHANNEL(uniqueid)", "UNIQUEID" -> channel.id;
            case "CHANNEL(state)" -> channel.state;
            case "CHANNEL(language)" -> "en";
            case "CHANNEL(channeltype)" -> channel.name.substring(0, channel.name.indexOf('/'));
            case "CALLERID(num)", "CALLERID(number)" -> channel.caller.number();
            case "CALLERID(name)" -> channel.caller.name();
            case "CALLERID(all)" -> "\"" + channel.caller.name() + "\" <" + channel.caller.number() + ">";
            case "CONNECTEDLINE(num)", "CONNECTEDLINE(number)" -> channel.connected.number();
            case "CONNECTEDLINE(name)" -> channel.connected.name();
            case "EXTEN" -> channel.dialplan.exten();
            case "CONTEXT" -> channel.dialplan.context();
            default -> null;
        };
        return builtIn != null ? builtIn : channel.variables.get(variable);
    }
}
