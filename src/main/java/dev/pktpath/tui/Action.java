package dev.pktpath.tui;

/**
 * What a key asks for. The help overlay lists these in declaration order, with the keys
 * {@link KeyMap} binds to each, so the order here is the order a user reads.
 */
enum Action {
    DOWN("Move", "next row"),
    UP("Move", "previous row"),
    PAGE_DOWN("Move", "page down"),
    PAGE_UP("Move", "page up"),
    TOP("Move", "first row"),
    BOTTOM("Move", "last row"),
    NEXT_PANE("Panes", "focus the next pane"),
    PREV_PANE("Panes", "focus the previous pane"),
    OPEN("Panes", "frame details (in traces, journey: choose)"),
    PREV_TRACE("Traces", "previous trace (task)"),
    NEXT_TRACE("Traces", "next trace (task)"),
    TOGGLE_BUCKETS("Traces", "traces pane: tasks or buckets of similar stacks"),
    MARK_TRACE("Traces", "mark this trace for d"),
    DIFF_MARKED("Traces", "diff the marked trace with this one (as :diff)"),
    PREV_STAGE("Journey", "previous journey stage (towards the driver's rx)"),
    NEXT_STAGE("Journey", "next journey stage (towards the crash)"),
    SEARCH("Search", "search function names (regex)"),
    SEARCH_NEXT("Search", "next match"),
    SEARCH_PREV("Search", "previous match"),
    FILTER("Filter", "type a subsystem filter (as print --subsystem)"),
    CLEAR_FILTER("Filter", "clear the filter"),
    COMMAND("Other", "command line (:help lists the commands)"),
    HELP("Other", "this help"),
    CLOSE("Other", "close the overlay or prompt"),
    QUIT("Other", "quit"),
    NEXT_CHANGE("Diff view", "next difference"),
    PREV_CHANGE("Diff view", "previous difference");

    final String group;
    final String help;

    Action(String group, String help) {
        this.group = group;
        this.help = help;
    }
}
