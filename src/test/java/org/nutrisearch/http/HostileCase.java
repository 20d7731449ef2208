package org.nutrisearch.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One hostile request of {@code hostile/requests.jsonl} and the status it must get (test support).
 *
 * <p>Each line is a JSON object: {@code name}, {@code method}, {@code target} (path and raw query, sent
 * as is), optional {@code headers} and {@code body}, or a complete {@code raw} request instead; and
 * {@code expect}, a status ({@code 400}) or a class ({@code "4xx"}); {@code "halfClose": true} shuts
 * the client's side after sending (a client that gave up mid-body). In targets, bodies and raw
 * requests, {@code \xNN} is one raw byte, {@code {{repeat N text}}} repeats text, {@code {{nest N open
 * close [middle]}}} nests brackets N deep (around middle), and {@code {{host}}} is the server's address. Lines starting with
 * {@code //} are comments.
 */
record HostileCase(int line, String name, String method, String target, Map<String, String> headers, String body,
                   String raw, boolean halfClose, String expect) {

    static final String RESOURCE = "/hostile/requests.jsonl";
    private static final Pattern REPEAT = Pattern.compile("\\{\\{repeat (\\d+) (.*?)\\}\\}", Pattern.DOTALL);
    private static final Pattern NEST = Pattern.compile("\\{\\{nest (\\d+) (\\S+?) (\\S+?)(?: (\\S+?))?\\}\\}");
    private static final Pattern BYTE = Pattern.compile("\\\\x([0-9a-fA-F]{2})");

    static List<HostileCase> load(ObjectMapper json) throws IOException {
        List<HostileCase> cases = new ArrayList<>();
        try (InputStream in = HostileCase.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(RESOURCE + " is missing");
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String text = lines[i].strip();
                if (text.isEmpty() || text.startsWith("//")) {
                    continue;
                }
                JsonNode node = json.readTree(text);
                Map<String, String> headers = new LinkedHashMap<>();
                if (node.has("headers")) {
                    node.get("headers").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
                }
                cases.add(new HostileCase(i + 1, node.get("name").asText(), textOf(node, "method", "GET"),
                        textOf(node, "target", null), headers, textOf(node, "body", null), textOf(node, "raw", null),
                        node.path("halfClose").asBoolean(false), node.get("expect").asText()));
            }
        }
        return cases;
    }

    private static String textOf(JsonNode node, String field, String fallback) {
        return node.hasNonNull(field) ? node.get(field).asText() : fallback;
    }

    /** The bytes to send to a server on {@code port}. */
    byte[] request(int port) {
        String host = "127.0.0.1:" + port;
        if (raw != null) {
            return bytes(expand(raw, host));
        }
        byte[] content = body == null ? null : bytes(expand(body, host));
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(expand(target, host)).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(host).append("\r\n");
        head.append("Connection: close\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(expand(v, host)).append("\r\n"));
        boolean framed = headers.keySet().stream()
                .anyMatch(k -> k.equalsIgnoreCase("Content-Length") || k.equalsIgnoreCase("Transfer-Encoding"));
        if (content != null && !framed) {
            head.append("Content-Length: ").append(content.length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes(head.toString()));
        if (content != null) {
            out.writeBytes(content);
        }
        return out.toByteArray();
    }

    /** Whether {@code status} is what this case expects. */
    boolean accepts(int status) {
        if (expect.endsWith("xx")) {
            return status / 100 == expect.charAt(0) - '0';
        }
        return status == Integer.parseInt(expect);
    }

    static String expand(String s, String host) {
        String out = s.replace("{{host}}", host);
        Matcher m = REPEAT.matcher(out);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(2).repeat(Integer.parseInt(m.group(1)))));
        }
        m.appendTail(sb);
        m = NEST.matcher(sb.toString());
        sb = new StringBuilder();
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            String middle = m.group(4) == null ? "" : m.group(4);
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(2).repeat(n) + middle + m.group(3).repeat(n)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** UTF-8, except that {@code \xNN} is the raw byte NN (so invalid UTF-8 and NUL can be sent). */
    static byte[] bytes(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Matcher m = BYTE.matcher(s);
        int last = 0;
        while (m.find()) {
            out.writeBytes(s.substring(last, m.start()).getBytes(StandardCharsets.UTF_8));
            out.write(Integer.parseInt(m.group(1), 16));
            last = m.end();
        }
        out.writeBytes(s.substring(last).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return "line " + line + ": " + name;
    }
}
