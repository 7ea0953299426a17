package dev.ssmrun.emulator.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ssmrun.emulator.FaultSpec;
import dev.ssmrun.emulator.internal.Engine;
import dev.ssmrun.emulator.internal.Json;
import dev.ssmrun.emulator.internal.Settings;
import dev.ssmrun.emulator.internal.StateSnapshot;
import dev.ssmrun.emulator.internal.api.AwsError;
import dev.ssmrun.emulator.internal.api.Operations;
import dev.ssmrun.emulator.internal.api.Req;
import dev.ssmrun.emulator.internal.faults.Faults;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The emulator's endpoint: AWS JSON 1.1 over HTTP on loopback for SSM ({@code AmazonSSM.*}) and
 * CloudWatch Logs ({@code Logs_20140328.*}), SigV4-checked per service, with faults and quotas.
 */
public final class SsmHttpServer implements AutoCloseable {
  private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  /** One AWS service on the endpoint: its target prefix, signing name and operations. */
  private record Service(
      String targetPrefix,
      String signingName,
      SigV4Verifier verifier,
      Map<String, Function<Req, ObjectNode>> operations,
      Supplier<AwsError> fault) {}

  private final Engine engine;
  private final HttpServer server;
  private final ExecutorService threads;
  private final List<Service> services;
  private final Faults.RateLimit filterQuota;

  private SsmHttpServer(Engine engine, HttpServer server, ExecutorService threads) {
    this.engine = engine;
    this.server = server;
    this.threads = threads;
    this.services =
        List.of(
            service(engine, "AmazonSSM.", "ssm", Operations.of(engine), AwsError::internal),
            service(
                engine, "Logs_20140328.", "logs", Operations.logs(engine), AwsError::unavailable));
    this.filterQuota = new Faults.RateLimit(engine.settings.logs().filterRate(), engine.clock);
  }

  private static Service service(
      Engine engine,
      String prefix,
      String signingName,
      Map<String, Function<Req, ObjectNode>> operations,
      Supplier<AwsError> fault) {
    Settings s = engine.settings;
    SigV4Verifier verifier =
        new SigV4Verifier(s.accessKeyId(), s.secretAccessKey(), s.region(), signingName);
    return new Service(prefix, signingName, verifier, operations, fault);
  }

  /** Starts serving on 127.0.0.1 at {@code port} (0 picks a free port). */
  public static SsmHttpServer start(Engine engine, int port) {
    // The JDK server writes headers and body separately; with Nagle's algorithm on, the client's
    // delayed ACK stalls every answer by ~40 ms. Only set if nobody chose otherwise.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
      ExecutorService threads =
          Executors.newCachedThreadPool(
              r -> {
                Thread t = new Thread(r, "ssm-http");
                t.setDaemon(true);
                return t;
              });
      server.setExecutor(threads);
      SsmHttpServer ssm = new SsmHttpServer(engine, server, threads);
      server.createContext("/", ssm::handle);
      server.start();
      return ssm;
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
    }
  }

  /** The endpoint URI, e.g. {@code http://127.0.0.1:40123}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      if (exchange.getRequestMethod().equals("GET")
          && exchange.getRequestURI().getPath().equals("/_emulator/state")) {
        send(exchange, 200, engine.snapshot().toJson().getBytes(StandardCharsets.UTF_8), null);
        return;
      }
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      Service service = serviceOf(target);
      String operation =
          target != null && target.startsWith(service.targetPrefix())
              ? target.substring(service.targetPrefix().length())
              : String.valueOf(target);
      byte[] body = readBody(exchange, in);
      if (body == null) {
        AwsError tooLarge = tooLarge(exchange);
        record(operation, tooLarge.code(), "");
        sendError(exchange, tooLarge);
        return;
      }
      serve(exchange, service, operation, body);
    } catch (RuntimeException e) {
      sendError(exchange, AwsError.internal());
    } finally {
      exchange.close();
    }
  }

  /** The service a target names; SSM answers targets that name none. */
  private Service serviceOf(String target) {
    for (Service service : services) {
      if (target != null && target.startsWith(service.targetPrefix())) {
        return service;
      }
    }
    return services.get(0);
  }

  /**
   * The body, or null if it is larger than the limit: a declared Content-Length over it is refused
   * unread, and an undeclared length is read no further than one byte past it.
   */
  private byte[] readBody(HttpExchange exchange, InputStream in) throws IOException {
    int limit = engine.settings.maxRequestSize();
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared != null) {
      try {
        if (Long.parseLong(declared.trim()) > limit) {
          return null;
        }
      } catch (NumberFormatException e) {
        return null;
      }
    }
    byte[] body = in.readNBytes(limit + 1);
    return body.length > limit ? null : body;
  }

  private AwsError tooLarge(HttpExchange exchange) {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    return AwsError.withStatus(
        "RequestEntityTooLargeException",
        "Request body"
            + (declared == null ? "" : " of " + declared.trim() + " bytes")
            + " exceeds the limit of "
            + engine.settings.maxRequestSize()
            + " bytes.",
        413);
  }

  private void serve(HttpExchange exchange, Service service, String operation, byte[] body)
      throws IOException {
    String text = new String(body, StandardCharsets.UTF_8);
    Faults.pause(engine.faults.latency(operation));
    ObjectNode response;
    try {
      response = process(exchange, service, operation, body);
    } catch (AwsError e) {
      record(operation, e.code(), text);
      sendError(exchange, e);
      return;
    }
    if (engine.faults.draw(FaultSpec.Kind.LOSE, operation)) {
      record(operation, "lost", text);
      return; // closing the exchange unanswered drops the connection
    }
    record(operation, "ok", text);
    send(exchange, 200, Json.MAPPER.writeValueAsBytes(response), null);
  }

  private ObjectNode process(
      HttpExchange exchange, Service service, String operation, byte[] body) {
    Function<Req, ObjectNode> handler = service.operations().get(operation);
    if (!exchange.getRequestMethod().equals("POST") || handler == null) {
      throw AwsError.of(
          "UnknownOperationException",
          "Unknown operation " + operation + "; supported: " + supported());
    }
    service
        .verifier()
        .verify(
            "POST",
            exchange.getRequestURI().getRawPath(),
            exchange.getRequestURI().getRawQuery(),
            lowerCaseHeaders(exchange),
            body,
            engine.clock.instant());
    if (engine.faults.draw(FaultSpec.Kind.DENY, operation)) {
      throw AwsError.accessDenied(
          engine.settings.accessKeyId(), service.signingName() + ":" + operation);
    }
    if (engine.faults.throttle(operation)
        || (operation.equals("FilterLogEvents") && !filterQuota.tryAcquire())) {
      throw AwsError.throttled();
    }
    if (engine.faults.draw(FaultSpec.Kind.ERROR, operation)) {
      throw service.fault().get();
    }
    return handler.apply(new Req(parse(body)));
  }

  private List<String> supported() {
    List<String> all = new ArrayList<>();
    services.forEach(s -> s.operations().keySet().forEach(op -> all.add(s.targetPrefix() + op)));
    Collections.sort(all);
    return all;
  }

  private static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      return Json.object();
    }
    try {
      JsonNode node = Json.MAPPER.readTree(body);
      if (node == null || !node.isObject()) {
        throw AwsError.of("SerializationException", "The request body must be a JSON object.");
      }
      return node;
    } catch (IOException unused) {
      throw AwsError.of("SerializationException", "The request body is not valid JSON.");
    }
  }

  private static Map<String, List<String>> lowerCaseHeaders(HttpExchange exchange) {
    Map<String, List<String>> out = new TreeMap<>();
    exchange.getRequestHeaders().forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
    return out;
  }

  private void record(String operation, String outcome, String body) {
    engine.calls.add(new StateSnapshot.Call(operation, outcome, body, engine.clock.instant()));
  }

  private void sendError(HttpExchange exchange, AwsError error) throws IOException {
    ObjectNode body = Json.object();
    body.put("__type", error.code());
    if (error.hasMessage()) {
      body.put("message", error.getMessage());
    }
    send(exchange, error.httpStatus(), toBytes(body), error.code());
  }

  private static byte[] toBytes(ObjectNode node) {
    try {
      return Json.MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private void send(HttpExchange exchange, int status, byte[] body, String errorType)
      throws IOException {
    var headers = exchange.getResponseHeaders();
    headers.set("Content-Type", CONTENT_TYPE);
    headers.set("x-amzn-RequestId", UUID.randomUUID().toString());
    headers.set("Date", HTTP_DATE.format(engine.clock.instant()));
    if (errorType != null) {
      headers.set("x-amzn-ErrorType", errorType);
    }
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
