package dev.otpspring.test.slice;

import org.springframework.stereotype.Service;

/** A plain service the slice must leave out. */
@Service
class PlainService {

}
