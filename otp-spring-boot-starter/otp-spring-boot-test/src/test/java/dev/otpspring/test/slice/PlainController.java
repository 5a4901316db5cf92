package dev.otpspring.test.slice;

import org.springframework.stereotype.Controller;

/** A controller the slice must leave out. */
@Controller
class PlainController {

}
