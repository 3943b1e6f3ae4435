package org.penpals.local.stack.portal;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}; other paths with
 * {@code CHROMIUM_BINARY} and {@code CHROMEDRIVER}) with a fresh profile. A missing browser fails
 * the test: browsers are part of the build's requirements ({@code .ci/run} installs them).
 */
final class Chromium implements AutoCloseable {
  /** What one page weighed, as the browser's resource timing saw it. */
  record Weight(String page, long htmlBytes, long cssJsBytes, long transferred, int requests) {
    long total() {
      return htmlBytes + cssJsBytes;
    }
  }

  /** A serious or critical accessibility violation on a page. */
  record Violation(String page, String rule, String impact, String help, List<String> targets) {}

  private final ChromeDriver driver;
  private final Path profile;
  private final String base;
  private final Path screenshots;

  Chromium(String base, Path screenshots) {
    this.base = base;
    this.screenshots = screenshots;
    String binary = env("CHROMIUM_BINARY", "/usr/bin/chromium");
    String chromedriver = env("CHROMEDRIVER", "/usr/bin/chromedriver");
    for (String file : new String[] {binary, chromedriver}) {
      if (!Files.isExecutable(Path.of(file))) {
        throw new IllegalStateException(
            file
                + " is missing: the browser tests need Chromium and its driver"
                + " (apt-get install chromium chromium-driver; .ci/run installs them)");
      }
    }
    try {
      this.profile = Files.createTempDirectory("penpals-portal-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(binary);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--lang=en-GB",
        "--window-size=1024,900",
        "--user-data-dir=" + profile);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-GB,en"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(chromedriver))
            .usingAnyFreePort()
            // the portal's form detects the browser's time zone: give it a known one
            .withEnvironment(Map.of("TZ", "Europe/London"))
            .build();
    this.driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(90));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(90));
  }

  ChromeDriver driver() {
    return driver;
  }

  void open(String pathOrUrl) {
    driver.get(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
  }

  String path() {
    String url = driver.getCurrentUrl();
    return url == null ? "" : url.startsWith(base) ? url.substring(base.length()) : url;
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  String text(String css) {
    return find(css).getText();
  }

  void type(String css, String text) {
    WebElement field = find(css);
    field.clear();
    field.sendKeys(text);
  }

  void select(String css, String value) {
    new org.openqa.selenium.support.ui.Select(find(css)).selectByValue(value);
  }

  WebDriverWait waiting(Duration timeout) {
    return new WebDriverWait(driver, timeout);
  }

  /** Clicks and waits for the next page (a form post answered by a redirect or a page). */
  void submit(String css) {
    WebElement button = find(css);
    button.click();
    waiting(Duration.ofSeconds(60)).until(d -> gone(button));
  }

  /**
   * Whether an element has left the page. While a page is being replaced Chromium may answer "node
   * does not belong to the document" instead of "stale element": both mean gone (Selenium's {@code
   * stalenessOf} knows only the second and threw on the first).
   */
  private static boolean gone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (StaleElementReferenceException e) {
      return true;
    } catch (WebDriverException e) {
      if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
        return true;
      }
      throw e;
    }
  }

  Path screenshot(String name) {
    try {
      Files.createDirectories(screenshots);
      Path target = screenshots.resolve(name + ".png");
      Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The serious and critical axe-core violations of the current page. */
  List<Violation> axe(String page) {
    Results results =
        new AxeBuilder()
            .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
            .analyze(driver);
    List<Violation> serious = new ArrayList<>();
    for (Rule rule : results.getViolations()) {
      if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
        List<String> targets = new ArrayList<>();
        rule.getNodes().forEach(n -> targets.add(String.valueOf(n.getTarget())));
        serious.add(new Violation(page, rule.getId(), rule.getImpact(), rule.getHelp(), targets));
      }
    }
    return serious;
  }

  /** The page's weight: its HTML and the CSS/JS it loaded (decoded), and bytes transferred. */
  @SuppressWarnings("unchecked")
  Weight weight(String page) {
    Map<String, Object> m =
        (Map<String, Object>)
            driver.executeScript(
                "const n = performance.getEntriesByType('navigation')[0];"
                    + "const r = performance.getEntriesByType('resource');"
                    + "let sub = 0, tx = n.transferSize;"
                    + "for (const e of r) { sub += e.decodedBodySize; tx += e.transferSize; }"
                    + "return {html: n.decodedBodySize, sub: sub, tx: tx, n: r.length + 1};");
    return new Weight(
        page,
        ((Number) m.get("html")).longValue(),
        ((Number) m.get("sub")).longValue(),
        ((Number) m.get("tx")).longValue(),
        ((Number) m.get("n")).intValue());
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a temporary directory
      }
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
