package dev.otpspring.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live page at {@code /}, in a real browser: a person crashes the counter, watches its restart
 * count go up in the tree, and sees it count from zero again. A screenshot of the page is saved
 * to {@code target/screenshots/supervision-tree.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient // the same context as the other HTTP tests: one app, not two
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the screenshot, taken last, shows both
class SupervisionTreePageTests {

	private static final Path SCREENSHOT = Path.of("target", "screenshots", "supervision-tree.png");

	@TempDir
	static Path profile;

	static ChromeDriver browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() {
		browser = Browser.start(profile);
	}

	@AfterAll
	static void screenshotAndQuit() throws IOException {
		if (browser == null) {
			return;
		}
		try {
			Files.createDirectories(SCREENSHOT.getParent());
			Files.write(SCREENSHOT, browser.getScreenshotAs(OutputType.BYTES));
		}
		finally {
			browser.quit();
		}
	}

	@Test
	@Order(1)
	void crashingTheCounterOnThePageRestartsItAndItCountsFromZeroAgain() {
		open();
		int value = counterValue();
		browser.findElement(By.id("counter-inc")).click();
		waitFor().until((page) -> counterValue() == value + 1);
		int restarts = restartCount("counter");

		counterNode().findElement(By.cssSelector(".node button.crash")).click();

		waitFor().until((page) -> restartCount("counter") > restarts);
		waitFor().until((page) -> counterValue() == 0);
		browser.findElement(By.id("counter-inc")).click();
		waitFor().until((page) -> counterValue() == 1);
		assertThat(counterNode().getAttribute("data-status")).isEqualTo("running");
		assertThat(browser.findElement(By.id("events")).getText()).contains("counter");

		browser.navigate().refresh(); // the mark of a recent restart comes from the server, so it stays
		open();
		assertThat(counterNode().findElement(By.cssSelector(".node")).getAttribute("class")).contains("recently-restarted");
		assertThat(browser.findElement(By.cssSelector("li[data-name='root'] > .node")).getAttribute("class"))
			.doesNotContain("recently-restarted");
	}

	@Test
	@Order(2)
	void aSearchOnThePageShowsWhatEachBackendDid() {
		open();
		WebElement query = browser.findElement(By.id("search-q"));
		query.clear();
		query.sendKeys("erlang crash");
		browser.findElement(By.cssSelector("#search-form button")).click();

		waitFor().until((page) -> !page.findElements(By.cssSelector("#search-results .chip")).isEmpty());
		String results = browser.findElement(By.id("search-results")).getText();
		assertThat(results).contains("wolfram: answered").contains("websearch: crashed")
			.contains("encyclopedia: timed out").contains("Ericsson");
	}

	private void open() {
		browser.get("http://localhost:" + this.port + "/");
		waitFor().until((page) -> counterNode().getAttribute("data-restarts") != null && counterValueText().matches("-?\\d+"));
	}

	private WebElement counterNode() {
		return browser.findElement(By.cssSelector("li[data-name='counter']"));
	}

	private int restartCount(String name) {
		return Integer.parseInt(browser.findElement(By.cssSelector("li[data-name='" + name + "']")).getAttribute("data-restarts"));
	}

	private String counterValueText() {
		return browser.findElement(By.id("counter-value")).getText();
	}

	private int counterValue() {
		String text = counterValueText();
		return text.matches("-?\\d+") ? Integer.parseInt(text) : Integer.MIN_VALUE; // "…" while restarting
	}

	private static WebDriverWait waitFor() {
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
		wait.ignoring(org.openqa.selenium.NoSuchElementException.class);
		return wait;
	}

}
