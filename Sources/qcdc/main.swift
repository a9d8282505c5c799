print("qcdc")
