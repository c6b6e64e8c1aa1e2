/* CORRECT (unusual style, red team 28 B F4): spllower in C calling a helper, so GCC gives it a window (save/restore) */
static int __attribute__((noinline)) getpil(void)
{
	int psr;
	__asm__ volatile("rd %%psr, %0" : "=r"(psr));
	return psr;
}

int rt_lower_c(int s)
{
	int psr = getpil();
	int old = psr & 0xf00;
	__asm__ volatile("wr %0, 0, %%psr; nop; nop; nop" : : "r"((psr & ~0xf00) | (s & 0xf00)) : "memory");
	return old;
}
