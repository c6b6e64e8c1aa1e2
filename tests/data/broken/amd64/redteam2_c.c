/* amd64 C routines of the second red-team pass (tests/test_contract.py). */

/* cpl and ipending as plain ints: port.h is not included here */
extern int cpl, ipending;
void Xspllower(void);

/* Correct: interrupts off from the store to the test and the replay
   decision (pushfq/cli ... popfq), with the "memory" clobbers that keep
   GCC's accesses inside. */
int
c_spllower_cli_ok(int ncpl)
{
	unsigned long flags;
	int ocpl;

	__asm volatile("pushfq; popq %0; cli" : "=r"(flags) : : "memory");
	ocpl = cpl;
	cpl = ncpl;
	__asm volatile("" : : : "memory");
	if (ipending & ~ncpl)
		Xspllower();
	__asm volatile("pushq %0; popfq" : : "r"(flags) : "memory", "cc");
	return ocpl;
}

/* Correct: raise as one locked or into cpl (an interrupt comes between
   instructions and gives cpl back as it found it). */
int
c_splraise_atomic_ok(int ncpl)
{
	return __atomic_fetch_or(&cpl, ncpl, __ATOMIC_SEQ_CST);
}
