const router = express.Router();
router.get('/invoices/:id', show);
app.post("/invoices", create);
axios.get("/invoices/7"); // a client call, no route
