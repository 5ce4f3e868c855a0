package org.minbar;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One run of the minbar command line in this JVM, as a user types it: its exit code and what it printed (lines ending in \n). */
record CommandRun(int exitCode, String out, String err) {

    static CommandRun of(String... args) {
        CommandLine command = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int exitCode = command.execute(Main.withDefaultCommand(args));
        return new CommandRun(exitCode, out.toString().replace(System.lineSeparator(), "\n"),
                err.toString().replace(System.lineSeparator(), "\n"));
    }
}
