package org.minbar;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs Main's commands from tests in other packages, as Main.commandLine() does for this one. */
public final class MainAccess {

    private MainAccess() {}

    /** Executes the command line with its output and errors written into the given writers; returns the exit code. */
    public static int execute(StringWriter out, StringWriter err, String... args) {
        picocli.CommandLine line = Main.commandLine();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }
}
