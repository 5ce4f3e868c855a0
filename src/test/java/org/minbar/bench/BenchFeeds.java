package org.minbar.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Copies a feeds/ folder for a benchmark server (args: FROM TO): site.json loses its baseUrl, so
 * links name the port the server was given, and gets "websub": {"allowPrivateCallbacks": true},
 * so a subscriber on 127.0.0.1 is accepted.
 */
public final class BenchFeeds {

    private BenchFeeds() {}

    public static void main(String[] args) throws Exception {
        Path from = Path.of(args[0]);
        Path to = Files.createDirectories(Path.of(args[1]));
        try (var files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode site = (ObjectNode) json.readTree(to.resolve("site.json").toFile());
        site.remove("baseUrl");
        ObjectNode websub = site.has("websub") ? (ObjectNode) site.get("websub") : site.putObject("websub");
        websub.put("allowPrivateCallbacks", true);
        json.writerWithDefaultPrettyPrinter().writeValue(to.resolve("site.json").toFile(), site);
    }
}
