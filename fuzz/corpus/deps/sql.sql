-- c
SELECT 1; /* x */
