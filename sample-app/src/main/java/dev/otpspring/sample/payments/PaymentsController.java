package dev.otpspring.sample.payments;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.otpspring.sample.web.BadInput;

/**
 * {@code GET /api/payments}: balances and sessions; {@code POST /api/payments?from=alice&to=bob&amount=10}:
 * one payment through the {@link Gateway}.
 */
@RestController
@RequestMapping("/api/payments")
class PaymentsController {

	private final Ledger ledger;

	private final Gateway gateway;

	PaymentsController(Ledger ledger, Gateway gateway) {
		this.ledger = ledger;
		this.gateway = gateway;
	}

	@GetMapping
	Map<String, Object> overview() {
		return Map.of("balances", this.ledger.balances(), "ledgerSession", this.ledger.openSession(), "gatewaySession",
				this.gateway.session());
	}

	@PostMapping
	ResponseEntity<Ledger.Transfer> pay(@RequestParam String from, @RequestParam String to, @RequestParam long amount) {
		if (amount <= 0) {
			throw BadInput.of("amount", "must be a positive whole amount, but was " + amount);
		}
		Ledger.Transfer transfer = this.gateway.pay(from, to, amount);
		return switch (transfer) {
			case Ledger.Transfer.Done done -> ResponseEntity.ok(done);
			case Ledger.Transfer.Rejected rejected -> ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(rejected);
		};
	}

}
