package dev.otpspring.supervisor;

/** Which children a static supervisor restarts when one of them must be restarted (R4.x). */
public enum Strategy {

	/** Only the child that exited (R4.1). */
	ONE_FOR_ONE,

	/** All children: the others are stopped in reverse start order, then all start in order (R4.2). */
	ONE_FOR_ALL,

	/** The child that exited and every child started after it (R4.3). */
	REST_FOR_ONE

}
