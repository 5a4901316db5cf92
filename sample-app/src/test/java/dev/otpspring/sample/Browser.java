package dev.otpspring.sample;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.assertj.core.api.Assertions.fail;

/**
 * Starts Debian's headless Chromium through its chromedriver, both found on the {@code PATH}, so
 * that Selenium never tries to download a browser or a driver (this machine has no internet).
 * Without them the test fails, saying what to install: a browser test that skips itself silently
 * would prove nothing.
 */
final class Browser {

	private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome");

	private Browser() {
	}

	/** A headless Chromium with a fresh profile in {@code profile}, its window large enough for the whole page. */
	static ChromeDriver start(Path profile) {
		Path driver = onPath(List.of("chromedriver"));
		Path browser = onPath(BROWSERS);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions().setBinary(browser.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--window-size=1400,1400", "--user-data-dir=" + profile);
		return new ChromeDriver(service, options);
	}

	private static Path onPath(List<String> names) {
		String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
		return Arrays.stream(path.split(File.pathSeparator))
			.filter((dir) -> !dir.isEmpty())
			.flatMap((dir) -> names.stream().map((name) -> Path.of(dir, name)))
			.filter(Files::isExecutable)
			.findFirst()
			.orElseGet(() -> fail("The browser test needs Chromium and its driver on the PATH, but found none of "
					+ names + ". Install them with: apt-get install -y chromium chromium-driver "
					+ "(bash .ci/run installs them by itself when chromedriver is missing)."));
	}

}
