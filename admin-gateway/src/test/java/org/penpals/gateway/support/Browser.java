package org.penpals.gateway.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}; override the
 * paths with {@code CHROMIUM_BINARY} and {@code CHROMEDRIVER}) with a fresh profile. Missing
 * browsers fail the test: they are part of the build's requirements ({@code .ci/run} installs
 * them).
 */
public final class Browser implements AutoCloseable {
  private final ChromeDriver driver;
  private final Path profile;
  private final String base;

  public Browser(String base) {
    this.base = base;
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
      this.profile = Files.createTempDirectory("penpals-chromium");
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
        "--window-size=1280,1000",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(chromedriver))
            .usingAnyFreePort()
            .build();
    this.driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
  }

  public ChromeDriver driver() {
    return driver;
  }

  public void open(String path) {
    driver.get(base + path);
  }

  public String path() {
    String url = driver.getCurrentUrl();
    return url == null ? "" : url.substring(base.length());
  }

  public WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  public boolean present(String css) {
    return !driver.findElements(By.cssSelector(css)).isEmpty();
  }

  /** Waits up to {@code timeout} for an element, then returns it. */
  public WebElement await(String css, Duration timeout) {
    return new WebDriverWait(driver, timeout)
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
  }

  public WebDriverWait waiting(Duration timeout) {
    return new WebDriverWait(driver, timeout);
  }

  public Object script(String script, Object... args) {
    return driver.executeScript(script, args);
  }

  /** Clicks and waits for the next page (a form post answered by a redirect). */
  public void submit(String css) {
    WebElement button = find(css);
    button.click();
    waiting(Duration.ofSeconds(30)).until(d -> gone(button));
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

  /** Saves a screenshot as {@code NAME.png} in {@code penpals.screenshots} (or target/). */
  public Path screenshot(String name) {
    String dir = System.getProperty("penpals.screenshots", "target/screenshots");
    try {
      Path target = Path.of(dir).resolve(name + ".png");
      Files.createDirectories(target.getParent());
      Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a temp directory; the OS cleans it eventually
      }
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
