/** Promotions: a job that has the engine run the promotions that are due and settle the ones waiting for their target's commit. */
package dev.tablecloud.jobs.promotion;
