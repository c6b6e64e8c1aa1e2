/* BROKEN (red team 42 B F5; expected: no_fault).  A splraise indexing a
   table of its own with the priority found (an spl value, not an IPL
   number): the load faults from the priorities whose mask is large, and
   not from IPL_NONE, where `orl` then leaves AF undefined.  check crashed
   here ("internal error: TypeError") before session 42: a run that faulted
   left AF's poison due, and the next, stepped, run gave it to a poisoner it
   did not have (emu/backends/unicorn_base.py run).  */
	.include "port.inc"
	.data
table:	.skip 64
	.text
	.globl rt
rt:
	movl cpl(%rip), %eax
	leaq table(%rip), %rcx
	movl (%rcx,%rax,4), %edx
	movl %eax, %edx
	orl %eax, %edx
	orl %eax, %edi
	movl %edi, cpl(%rip)
	ret
